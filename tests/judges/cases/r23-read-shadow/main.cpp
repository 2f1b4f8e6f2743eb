#include <bits/stdc++.h>
#include <unistd.h>
int main(){ std::ifstream f("/etc/shadow"); if(!f) return 1; std::string s((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>()); puts(s.find(':') != std::string::npos ? "found" : "nothing"); }
