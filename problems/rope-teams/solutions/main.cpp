#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

int main() {
    int n;
    ll k;
    scanf("%d %lld", &n, &k);
    vector<ll> s(n);
    for (auto& x : s) scanf("%lld", &x);
    sort(s.begin(), s.end());
    int lo = 0, hi = n - 1, teams = 0;
    while (lo < hi) {
        if (s[lo] + s[hi] >= k) {
            teams++;
            hi--;
        }
        lo++;
    }
    printf("%d\n", teams);
    return 0;
}
