// EvalRender
