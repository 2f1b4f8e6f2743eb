#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        string s;
        cin >> s;
        int h = s.size() / 2;
        string r(s.rbegin(), s.rend() - h);
        cout << (s.substr(0, h) == r ? "YES" : "NO") << "\n";
    }
    return 0;
}
