#include <bits/stdc++.h>
#include <unistd.h>
int main(){ std::string s(70000000, '9'); fwrite(s.data(), 1, s.size(), stdout); }
