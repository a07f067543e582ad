import CEditLine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process-wide "Ctrl-C was pressed" flag.
///
/// A SIGINT handler written in C (see `shim.h`) sets a `volatile sig_atomic_t`. The handler is
/// only installed while a statement or a prompt runs (`whileCatchingInterrupts`), so outside
/// those windows Ctrl-C keeps its default meaning and ends the process. The shell reads the
/// flag after each statement (an interrupted statement's results are dropped and what it
/// loaded or edited is taken back) and before the next one of a script; blocking reads return
/// early with EINTR.
public enum InterruptFlag {
    /// Whether SIGINT arrived since the last `reset()`.
    public static var isRaised: Bool { evalsh_interrupt_flag_is_raised() != 0 }

    public static func reset() { evalsh_interrupt_flag_reset() }

    /// Sets the flag as if SIGINT had arrived (for tests and for cancelling programmatically).
    public static func raise() { evalsh_interrupt_flag_raise() }

    /// Runs `body` with the SIGINT handler installed and the flag cleared beforehand, then
    /// restores whatever SIGINT disposition was in place. Nested calls are fine: the inner
    /// call restores the outer handler. The flag is left as `body` saw it, so the caller can
    /// tell afterwards whether the work was interrupted.
    ///
    /// Blocking system calls on the calling thread (reading the terminal, waiting on the
    /// network) return early with EINTR when Ctrl-C is pressed, whichever thread the kernel
    /// delivered the signal to.
    public static func whileCatchingInterrupts<T>(_ body: () throws -> T) rethrows -> T {
        reset()
        var previousAction = sigaction()
        var previousTarget = pthread_t()
        var previousHasTarget: Int32 = 0
        let installed = evalsh_install_interrupt_handler(&previousAction, &previousTarget, &previousHasTarget) == 0
        defer {
            if installed { evalsh_restore_interrupt_handler(&previousAction, previousTarget, previousHasTarget) }
        }
        return try body()
    }
}
