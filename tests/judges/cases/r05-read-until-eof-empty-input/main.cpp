#include <bits/stdc++.h>
#include <unistd.h>
int main(){ long n=0; while(getchar()!=EOF) n++; printf("%ld\n", n); }
