#include <bits/stdc++.h>
#include <unistd.h>
int main(){volatile long x=0; for(;;) x++;}
