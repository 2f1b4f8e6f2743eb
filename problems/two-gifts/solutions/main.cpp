// Sorting and two pointers; it may find a different pair than main.py (both are accepted).
#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

int main() {
    int n;
    ll x;
    scanf("%d %lld", &n, &x);
    vector<pair<ll, int>> p(n);
    for (int i = 0; i < n; i++) {
        scanf("%lld", &p[i].first);
        p[i].second = i + 1;
    }
    sort(p.begin(), p.end());
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        ll s = p[lo].first + p[hi].first;
        if (s == x) {
            printf("%d %d\n", p[lo].second, p[hi].second);
            return 0;
        }
        if (s < x) lo++;
        else hi--;
    }
    puts("-1");
    return 0;
}
