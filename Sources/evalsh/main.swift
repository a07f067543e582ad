import EvalShell
