#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    cin >> n >> m;
    string s, row;
    for (int i = 0; i < n; i++) {
        cin >> row;
        s += row;
    }
    set<char> seen;
    for (char c : s) {
        if (string("aeiou").find(c) == string::npos && c != 'c') seen.insert((c == 'j' ? 'g' : c));
    }
    cout << seen.size() << "\n";
    return 0;
}
