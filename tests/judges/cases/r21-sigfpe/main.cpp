#include <bits/stdc++.h>
#include <unistd.h>
int main(){ puts("3"); fflush(stdout); volatile int x = 7, z = 0; printf("%d\n", x / z); }
