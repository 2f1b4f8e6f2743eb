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
        set<char> seen;
        for (char c : s) {
            if (c > 'm') seen.insert(c);
        }
        cout << seen.size() << "\n";
    }
    return 0;
}
