// EvalShell
