#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    cin >> s;
    string b;
    for (char c : s) {
        if (c >= 't') b += c;
    }
    cout << b << "\n";
    return 0;
}
