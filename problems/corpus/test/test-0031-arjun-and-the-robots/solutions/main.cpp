#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<long long> a(n);
    for (auto &x : a) cin >> x;
    int ans = -1;
    for (int i = 0; i < (int)a.size(); i++) {
        long long x = a[i];
        if (x % 2 == 0 && x >= -1) {
            ans = i + 1;
            break;
        }
    }
    cout << ans << "\n";
    return 0;
}
