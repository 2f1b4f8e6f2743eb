#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<long long> a(n);
    for (auto &x : a) cin >> x;
    int ans = 1;
    long long best = a[0];
    for (int i = 1; i < (int)a.size(); i++) {
        if (a[i] >= best) {
            ans++;
            best = a[i];
        }
    }
    cout << ans << "\n";
    return 0;
}
