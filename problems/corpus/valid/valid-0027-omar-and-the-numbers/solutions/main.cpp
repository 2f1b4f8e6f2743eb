#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    vector<long long> a(2);
    for (auto &x : a) cin >> x;
    bool ok = false;
    for (long long x : a) {
        if (x <= 4187) ok = true;
    }
    cout << (ok ? "YES" : "NO") << "\n";
    return 0;
}
