// EvalFormats
