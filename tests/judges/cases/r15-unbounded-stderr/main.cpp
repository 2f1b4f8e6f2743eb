#include <bits/stdc++.h>
#include <unistd.h>
int main(){ for(;;) fputc('e', stderr); }
