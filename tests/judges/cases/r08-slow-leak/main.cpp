#include <bits/stdc++.h>
#include <unistd.h>
int main(){ for(;;) memset(malloc(1<<20), 1, 1<<20); }
