#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    long long k;
    cin >> n >> k;
    vector<long long> a(n);
    for (auto &x : a) cin >> x;
    bool ok = true;
    for (long long x : a) {
        if (!(x < k && x % 2 != 0)) ok = false;
    }
    cout << (ok ? "YES" : "NO") << "\n";
    return 0;
}
