//! How much of a table a statement reads, from PostgreSQL's
//! `EXPLAIN (ANALYZE, COSTS OFF)`: statements that run on every filing or
//! every event must find their rows through an index, never read a whole
//! partner's rows or a whole table.

/// The rows every step of `plan` (one line each) produced, plus the rows
/// its filters threw away.
pub fn rows_read(plan: &[String]) -> u64 {
    plan.iter()
        .flat_map(|line| {
            ["rows=", "Rows Removed by Filter: "]
                .into_iter()
                .filter_map(move |label| line.split(label).nth(1))
                .filter_map(|rest| rest.split(' ').next()?.parse::<u64>().ok())
        })
        .sum()
}

/// The pages the whole of `plan` read, from its top step's `Buffers:`
/// (`EXPLAIN (ANALYZE, BUFFERS)`): found in memory or read from disk.
/// Unlike rows, this counts the index entries a scan passed over, as when
/// an index's second column is all that bounds it.
pub fn pages_read(plan: &[String]) -> u64 {
    let Some(buffers) = plan.iter().find_map(|line| line.split("Buffers:").nth(1)) else {
        return 0;
    };
    ["hit=", "read="]
        .into_iter()
        .filter_map(|label| buffers.split(label).nth(1))
        .filter_map(|rest| rest.split(' ').next()?.parse::<u64>().ok())
        .sum()
}
