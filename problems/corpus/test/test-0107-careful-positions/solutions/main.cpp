#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    cin >> s;
    set<char> seen(s.begin(), s.end());
    cout << (seen.size() == s.size() ? "YES" : "NO") << "\n";
    return 0;
}
