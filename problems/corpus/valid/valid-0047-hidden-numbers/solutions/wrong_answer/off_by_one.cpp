#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        int n;
        cin >> n;
        vector<long long> a(n);
        for (auto &x : a) cin >> x;
        int best = 1, cur = 1;
        for (int i = 1; i < (int)a.size(); i++) {
            cur = a[i] == a[i - 1] ? cur + 1 : 0;
            best = max(best, cur);
        }
        cout << best << "\n";
    }
    return 0;
}
