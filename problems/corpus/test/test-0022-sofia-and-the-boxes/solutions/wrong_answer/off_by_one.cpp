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
    for (auto &x : a) x = x * x;
    sort(a.rbegin(), a.rend());
    if ((int)a.size() <= k) cout << -1 << "\n";
    else cout << a[k] << "\n";
    return 0;
}
