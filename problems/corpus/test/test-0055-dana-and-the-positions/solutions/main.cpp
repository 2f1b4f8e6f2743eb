#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    cin >> s;
    set<char> seen;
    for (char c : s) {
        if (c >= 'p' && c <= 'x') seen.insert((c == 'u' ? 's' : c));
    }
    cout << seen.size() << "\n";
    return 0;
}
