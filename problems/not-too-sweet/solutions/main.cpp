#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

int main() {
    int n, cap;
    scanf("%d %d", &n, &cap);
    vector<ll> v(n), c(n);
    for (auto& x : v) scanf("%lld", &x);
    for (auto& x : c) scanf("%lld", &x);
    ll volume = 0, budget = 0;
    vector<pair<ll, ll>> sweet;  // (extra sugar per litre, litres)
    for (int i = 0; i < n; i++) {
        if (c[i] <= cap) {
            volume += v[i];
            budget += v[i] * (cap - c[i]);
        } else {
            sweet.push_back({c[i] - cap, v[i]});
        }
    }
    sort(sweet.begin(), sweet.end());
    double extra = 0;
    for (auto [cost, vol] : sweet) {
        if (cost * vol <= budget) {
            budget -= cost * vol;
            volume += vol;
        } else {
            extra = (double)budget / cost;
            break;
        }
    }
    printf("%.9f\n", (double)volume + extra);
    return 0;
}
