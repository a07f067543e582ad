/// Per-class AP of TIDE's run, before and after each fix.
struct ClassAPs {
    /// Per class; 0 for a class without ground truth, as TIDE scores it.
    var ap: [Double]
    /// Whether TIDE averages over the class: it has ground truth or ranked predictions.
    var present: [Bool]
    /// The mean over the present classes, in label-map order; `nil` when none is.
    var mean: Double?
}

/// The ranked predictions of a TIDE run and the per-class rankings of its fixes.
struct TIDERanking {
    /// Evaluated predictions by descending score; equal scores by image, then rank in the image.
    let ranked: [Int32]
    let scores: [Double]
    let category: [Int32]
    let state: [TIDEImageMatcher.State]
    let error: [UInt8]
    let fixClass: [Int32]
    let classCount: Int

    enum Scenario {
        /// TIDE's run as matched.
        case original
        /// `fix_errors` fixing the errors of one type (`nil`: none, only TIDE's re-insertion order:
        /// on equal scores, the points of its error list first, then the true positives).
        case fixing(TIDEError?)
        /// `FalsePositiveError.fix`: every true positive scored 1, every false positive 0.
        case falsePositivesLast
    }

    func classAPs(_ scenario: Scenario, positives: [Int]) -> ClassAPs {
        var flags = [[Bool]](repeating: [], count: classCount)
        switch scenario {
        case .original:
            for d in ranked {
                let d = Int(d)
                switch state[d] {
                case .truePositive: flags[Int(category[d])].append(true)
                case .falsePositive: flags[Int(category[d])].append(false)
                case .ignored, .notEvaluated: break
                }
            }
        case .falsePositivesLast:
            var falses = [Int](repeating: 0, count: classCount)
            for d in ranked {
                let d = Int(d)
                if state[d] == .truePositive { flags[Int(category[d])].append(true) }
                if state[d] == .falsePositive { falses[Int(category[d])] += 1 }
            }
            for k in 0..<classCount { flags[k] += repeatElement(false, count: falses[k]) }
        case .fixing(let type):
            let fixed = type?.rawValue ?? TIDEImageMatcher.noError
            var i = 0
            while i < ranked.count {
                var j = i + 1
                while j < ranked.count && scores[Int(ranked[j])] == scores[Int(ranked[i])] { j += 1 }
                for d in ranked[i..<j] {
                    let d = Int(d)
                    guard state[d] == .falsePositive || state[d] == .ignored else { continue }
                    if error[d] == fixed {
                        if fixClass[d] >= 0 { flags[Int(fixClass[d])].append(true) }
                    } else if state[d] == .falsePositive {
                        flags[Int(category[d])].append(false)
                    }
                }
                for d in ranked[i..<j] where state[Int(d)] == .truePositive {
                    flags[Int(category[Int(d)])].append(true)
                }
                i = j
            }
        }
        var average = TIDEAveragePrecision()
        var result = ClassAPs(ap: [], present: [], mean: nil)
        var sum = 0.0
        var present = 0
        for k in 0..<classCount {
            let ap = average.ap(flags[k][...], positives: positives[k])
            let isPresent = !flags[k].isEmpty || positives[k] != 0
            result.ap.append(ap)
            result.present.append(isPresent)
            if isPresent {
                sum += ap
                present += 1
            }
        }
        result.mean = present > 0 ? sum / Double(present) : nil
        return result
    }
}
