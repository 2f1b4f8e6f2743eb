#include <cstdio>
int main() { printf("500\n"); return 0; }
