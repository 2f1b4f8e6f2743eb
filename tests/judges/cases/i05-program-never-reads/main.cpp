#include <cstdio>
#include <unistd.h>
int main() { puts("done"); fflush(stdout); for (;;) pause(); }
