#include <bits/stdc++.h>
#include <unistd.h>
int main(){ std::string s(100u<<20, 'a'); fwrite(s.data(), 1, s.size(), stdout); }
