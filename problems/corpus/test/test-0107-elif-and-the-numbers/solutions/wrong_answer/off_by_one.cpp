#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<long long> a(n);
    for (auto &x : a) cin >> x;
    map<long long, long long> cnt;
    long long ans = 0;
    for (long long x : a) {
        cnt[x]++;
        if (cnt.count(x)) ans += cnt[x];
    }
    cout << ans << "\n";
    return 0;
}
