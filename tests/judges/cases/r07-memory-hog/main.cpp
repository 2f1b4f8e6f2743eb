#include <bits/stdc++.h>
#include <unistd.h>
int main(){ std::vector<char> v(2000000000, 1); printf("%d\n", (int)v[1999999999]); }
