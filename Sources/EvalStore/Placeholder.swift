// EvalStore
