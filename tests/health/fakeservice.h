// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cmath>
#include <QByteArray>
#include <QString>

namespace Promotion::Test {

/*!
 * \brief The /metrics of a pretend web service: counters and a latency
 * histogram that advance by a traffic profile on every scrape.
 *
 * Requests and observations are split 70/30 over two series (method="GET"
 * and "POST") so that readers must sum over series. Bucket bounds are
 * 0.05, 0.1, 0.2, 0.4 and +Inf seconds.
 */
struct FakeService
{
    /*! Traffic between two scrapes: per-bucket (not cumulative) observation counts. */
    struct Profile
    {
        double errors = 0;
        std::array<double, 5> buckets{};
        double requests() const
        {
            double n = 0;
            for (double b : buckets)
                n += b;
            return n;
        }
    };

    // p95 = 0.1 + 0.1 * (950 - 900) / 100 = 150 ms
    static Profile baseline(double errors = 5) { return {errors, {400, 500, 100, 0, 0}}; }
    // p95 = 0.1 + 0.1 * (1330 - 1200) / 200 = 165 ms (+10 %)
    static Profile slower10() { return {5, {600, 600, 200, 0, 0}}; }
    // p95 = 0.1 + 0.1 * 190 / 200 = 195 ms (+30 %)
    static Profile slower30() { return {1, {0, 0, 200, 0, 0}}; }

    double requests = 0;
    double errors = 0;
    std::array<double, 5> observed{};
    bool exportErrors = true;

    void advance(const Profile &p)
    {
        errors += p.errors;
        for (size_t i = 0; i < observed.size(); ++i) {
            observed[i] += p.buckets[i];
            requests += p.buckets[i];
        }
    }

    /*! A restarted process: every counter starts again at 0. */
    void restart()
    {
        requests = 0;
        errors = 0;
        observed.fill(0);
    }

    QByteArray exposition() const
    {
        static const char *const bounds[] = {"0.05", "0.1", "0.2", "0.4", "+Inf"};
        auto split = [](double total, bool first) {
            const double a = std::floor(total * 0.7);
            return first ? a : total - a;
        };
        QByteArray out;
        out += "# HELP http_requests_total Requests served.\n# TYPE http_requests_total counter\n";
        for (bool first : {true, false}) {
            out += QByteArray("http_requests_total{method=\"") + (first ? "GET" : "POST") + "\"} " +
                   QByteArray::number(split(requests, first), 'f', 0) + '\n';
        }
        if (exportErrors) {
            out += "# TYPE http_request_errors_total counter\n";
            out += "http_request_errors_total{code=\"500\"} " + QByteArray::number(errors, 'f', 0) +
                   '\n';
        }
        out += "# HELP http_request_duration_seconds Latency.\n"
               "# TYPE http_request_duration_seconds histogram\n";
        for (bool first : {true, false}) {
            const QByteArray method = first ? "GET" : "POST";
            double cumulative = 0;
            for (size_t i = 0; i < observed.size(); ++i) {
                cumulative += observed[i];
                out += "http_request_duration_seconds_bucket{method=\"" + method + "\",le=\"" +
                       bounds[i] + "\"} " + QByteArray::number(split(cumulative, first), 'f', 0) +
                       '\n';
            }
            out += "http_request_duration_seconds_count{method=\"" + method + "\"} " +
                   QByteArray::number(split(cumulative, first), 'f', 0) + '\n';
            out += "http_request_duration_seconds_sum{method=\"" + method + "\"} 0\n";
        }
        out += "process_cpu_seconds_total 12.5\n";
        return out;
    }
};

} // namespace Promotion::Test
