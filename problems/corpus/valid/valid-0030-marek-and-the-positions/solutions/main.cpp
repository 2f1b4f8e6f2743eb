#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    cin >> s;
    for (auto &c : s) c = (c == 'd' ? 'c' : c);
    string r(s.rbegin(), s.rend());
    cout << (s == r ? "YES" : "NO") << "\n";
    return 0;
}
