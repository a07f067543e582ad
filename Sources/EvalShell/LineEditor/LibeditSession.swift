import CEditLine
import Foundation

/// One-time set-up of libedit's process-wide readline state.
enum LibeditSession {
    private static let once: Void = {
        selectCharacterLocale()
        evalsh_rl_set_readline_name(UnsafePointer(strdup("evalsh")!))
        // On SIGINT libedit restores the terminal, then re-raises the signal for the handler
        // installed around readline() (InterruptFlag), whose wake-up ends evalsh_rl_getc.
        evalsh_rl_set_catch_signals(1)
        evalsh_rl_set_catch_sigwinch(1)
        // Must precede rl_initialize, which installs the reader only if one is set.
        evalsh_rl_use_interruptible_getc()
        rl_initialize()
        using_history()
        // ^R searches history backwards incrementally, as in bash; libedit's emacs map
        // binds it to redisplay by default.
        _ = rl_parse_and_bind("bind ^R em-inc-search-prev")
        CompletionBridge.shared.connectToLibedit()
    }()

    static func start() {
        _ = once
    }

    /// libedit converts between its wide-character line and the terminal's bytes with the C
    /// library's multibyte functions, which handle UTF-8 only once the character-type
    /// locale is set; without it non-ASCII text is dropped.
    /// Only LC_CTYPE is changed so number formatting stays locale-independent. When the
    /// environment names no usable locale, C.UTF-8 is used.
    private static func selectCharacterLocale() {
        let selected = setlocale(LC_CTYPE, "").map { String(cString: $0) } ?? "C"
        if selected == "C" || selected == "POSIX" {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
