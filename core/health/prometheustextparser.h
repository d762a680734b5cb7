// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parsers/parseresult.h"

#include <functional>
#include <optional>
#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace Promotion {

//! Label name -> value of one series, sorted by name.
using PrometheusLabels = QMap<QString, QString>;

/*! \brief One sample line of a Prometheus text exposition. */
struct PrometheusSample
{
    QString name;            //!< sample name, e.g. "http_request_duration_seconds_bucket"
    PrometheusLabels labels; //!< unescaped values
    double value = 0;        //!< may be NaN or +/-Inf
    std::optional<qint64> timestampMs;
    int line = 0; //!< 1-based line in the exposition
};

/*! \brief What # HELP and # TYPE said about a metric family. */
struct PrometheusMetricFamily
{
    enum class Type
    {
        Untyped,
        Counter,
        Gauge,
        Histogram,
        Summary
    };
    QString name;
    QString help; //!< unescaped
    Type type = Type::Untyped;
};

/*! \brief One cumulative histogram bucket: observations <= upperBound. */
struct HistogramBucket
{
    double upperBound = 0; //!< the "le" label; +Inf for the last bucket
    double count = 0;      //!< cumulative
};

/*! \brief A parsed exposition (one scrape of a /metrics endpoint). */
struct PrometheusScrape
{
    QList<PrometheusSample> samples;                //!< in exposition order
    QMap<QString, PrometheusMetricFamily> families; //!< by family name, from HELP/TYPE lines

    //! Samples named \a name whose labels include every pair of \a filter.
    QList<PrometheusSample> series(const QString &name, const PrometheusLabels &filter = {}) const;
    /*!
     * Sum of the samples named \a name over all series matching \a filter (as PromQL's sum()).
     * Nothing when no series matches, so that an absent metric is not read as 0. A NaN
     * sample makes the sum NaN, as in PromQL.
     */
    std::optional<double> sum(const QString &name, const PrometheusLabels &filter = {}) const;
    //! Like sum(), with any predicate on the labels (e.g. status starting with "5").
    std::optional<double> sumIf(const QString &name,
                                const std::function<bool(const PrometheusLabels &)> &accept) const;
    /*!
     * Buckets of histogram \a histogram (its family name; a trailing "_bucket" is accepted)
     * summed over the series matching \a filter, per "le", sorted by upper bound. Empty when
     * there are none.
     */
    QList<HistogramBucket> histogramBuckets(const QString &histogram,
                                            const PrometheusLabels &filter = {}) const;
};

/*!
 * \brief Parses the Prometheus text exposition format (version 0.0.4, as served on /metrics
 * by prometheus_client and most exporters).
 *
 * Understands # HELP (with \\ and \n escapes) and # TYPE lines, other comments, samples with
 * labels (escaped \", \\ and \n in values, optional trailing comma), values NaN/+Inf/-Inf,
 * optional integer millisecond timestamps, OpenMetrics exemplars (ignored) and # EOF.
 * Refuses, with the line and column, anything else: a bad metric or label name, a duplicate
 * label, an unterminated label value, a value that is not a number, a histogram bucket
 * without a numeric "le", the same series twice, a second TYPE or HELP for one family.
 */
class PrometheusTextParser final
{
public:
    static ParseResult<PrometheusScrape> parse(const QByteArray &text);

    /*!
     * The \a q quantile (0..1) of cumulative \a buckets, computed exactly like PromQL's
     * histogram_quantile(): linear interpolation inside the bucket holding the rank, the first
     * bucket starting at 0, the upper bound of the second-to-last bucket when the rank falls in
     * the +Inf bucket. NaN when the buckets have no +Inf bucket, fewer than two buckets or no
     * observations; -Inf/+Inf for q < 0 / q > 1.
     */
    static double histogramQuantile(double q, QList<HistogramBucket> buckets);

    /*!
     * Per-bucket increase from \a earlier to \a later (two scrapes of the same histogram), as
     * PromQL's increase() would see it. A bucket missing from \a earlier counts from 0. If any
     * count went down the process restarted: the later counts are the increase, and
     * \a counterReset (when given) is set.
     */
    static QList<HistogramBucket> bucketDeltas(const QList<HistogramBucket> &earlier,
                                               const QList<HistogramBucket> &later,
                                               bool *counterReset = nullptr);

    //! histogramQuantile(q, bucketDeltas(earlier, later)): the quantile of what was observed
    //! between two scrapes (histogram_quantile(q, rate(x_bucket[interval]))).
    static double quantileFromDeltas(double q, const QList<HistogramBucket> &earlier,
                                     const QList<HistogramBucket> &later,
                                     bool *counterReset = nullptr);
};

} // namespace Promotion
