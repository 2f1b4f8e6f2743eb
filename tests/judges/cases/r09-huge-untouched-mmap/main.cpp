#include <bits/stdc++.h>
#include <unistd.h>
int main(){ std::vector<char> v; v.reserve(8ull<<30); v.push_back('o'); printf("%c%c\n", v[0], 'k'); }
