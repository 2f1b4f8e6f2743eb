#include <bits/stdc++.h>
#include <unistd.h>
int main(){ puts("3"); return 1; }
