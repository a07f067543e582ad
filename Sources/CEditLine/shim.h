#ifndef EVALSH_CEDITLINE_SHIM_H
#define EVALSH_CEDITLINE_SHIM_H
#include <stdio.h>
#include <editline/readline.h>
#endif
