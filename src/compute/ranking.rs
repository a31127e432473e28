//! Coefficient rankings and the places they allocate.
//!
//! Entries are ordered by coefficient, highest first, compared exactly (`rust_decimal`); entries
//! with equal coefficients are ordered only by a recorded order that covers them all, otherwise
//! they stay level. Places follow the rule file's rank ranges and named exceptions.

use crate::model::Ranking;
use crate::rules::Allocation;

/// Published ranks in computed order, grouped: a group of several is a tie nothing broke.
pub fn order(ranking: &Ranking) -> Vec<Vec<u32>> {
    let mut entries: Vec<_> = ranking.entries.iter().collect();
    // Stable, so equal coefficients keep file order until a recorded order sorts them.
    entries.sort_by_key(|e| std::cmp::Reverse(e.coefficient));
    let mut tiers: Vec<Vec<u32>> = Vec::new();
    let mut previous = None;
    for e in entries {
        if previous == Some(e.coefficient) {
            tiers.last_mut().expect("a tier was started").push(e.rank);
        } else {
            tiers.push(vec![e.rank]);
        }
        previous = Some(e.coefficient);
    }
    let mut out = Vec::with_capacity(tiers.len());
    for tier in tiers {
        if tier.len() == 1 {
            out.push(tier);
            continue;
        }
        match ranking
            .ties
            .iter()
            .find(|(order, _)| tier.iter().all(|r| order.contains(r)))
        {
            Some((order, _)) => {
                out.extend(order.iter().filter(|r| tier.contains(r)).map(|&r| vec![r]))
            }
            None => out.push(tier),
        }
    }
    out
}

/// Each entry's places under the allocation, by published rank; `None` where no range covers it.
pub fn allocate(ranking: &Ranking, allocation: &Allocation) -> Vec<(u32, Option<u32>)> {
    ranking
        .entries
        .iter()
        .map(|e| (e.rank, allocation.places(e.rank)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RankingEntry;
    use crate::rules::structure::{Exception, RankRange};
    use pretty_assertions::assert_eq;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    fn ranking(coefficients: &[(u32, &str)], ties: Vec<(Vec<u32>, String)>) -> Ranking {
        Ranking {
            name: "test".into(),
            entries: coefficients
                .iter()
                .map(|&(rank, c)| RankingEntry {
                    rank,
                    name: None,
                    coefficient: Decimal::from_str(c).unwrap(),
                    places: None,
                })
                .collect(),
            ties,
            line: crate::model::Line(1),
        }
    }

    #[test]
    fn orders_by_exact_coefficient() {
        // 1.332 and 1.333 differ only in the third decimal; listed out of order on purpose.
        let r = ranking(&[(2, "1.332"), (1, "1.333"), (3, "0.999")], vec![]);
        assert_eq!(order(&r), [vec![1], vec![2], vec![3]]);
    }

    #[test]
    fn equal_coefficients_need_a_recorded_order() {
        let level = [(1, "2.000"), (2, "1.165"), (3, "1.165"), (4, "1.165")];
        assert_eq!(order(&ranking(&level, vec![])), [vec![1], vec![2, 3, 4]]);
        let recorded = vec![(vec![3, 2, 4], "drawing of lots".to_string())];
        assert_eq!(
            order(&ranking(&level, recorded)),
            [vec![1], vec![3], vec![2], vec![4]]
        );
        // A recorded order that leaves out one of the level entries does not apply.
        let partial = vec![(vec![2, 3], "lots".to_string())];
        assert_eq!(order(&ranking(&level, partial)), [vec![1], vec![2, 3, 4]]);
    }

    #[test]
    fn exceptions_override_ranges() {
        let allocation = Allocation {
            ranges: vec![
                RankRange {
                    from: 1,
                    to: 2,
                    places: 3,
                },
                RankRange {
                    from: 3,
                    to: 4,
                    places: 2,
                },
            ],
            exceptions: vec![Exception {
                rank: 4,
                places: 0,
                why: "suspended".into(),
            }],
            fair_play: 0,
        };
        let r = ranking(
            &[(1, "3"), (2, "2"), (3, "1"), (4, "0.5"), (5, "0")],
            vec![],
        );
        assert_eq!(
            allocate(&r, &allocation),
            [
                (1, Some(3)),
                (2, Some(3)),
                (3, Some(2)),
                (4, Some(0)),
                (5, None)
            ]
        );
    }
}
