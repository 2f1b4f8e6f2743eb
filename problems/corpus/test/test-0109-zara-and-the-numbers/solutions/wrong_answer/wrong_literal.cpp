#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    vector<long long> a(3);
    for (auto &x : a) cin >> x;
    bool ok = true;
    for (long long x : a) {
        if (!(x % 8 != 0 && x != 445)) ok = false;
    }
    cout << (ok ? "YES" : "NO") << "\n";
    return 0;
}
