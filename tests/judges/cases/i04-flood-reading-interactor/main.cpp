#include <cstdio>
int main() { for (;;) fputs("123456789012345678901234567890\n", stdout); }
