//! The cohort's counts as participants are added ([`Cohort`]), and the report made from them:
//! every count becomes a cell of [`Cells`], tied to the totals it adds up to, so that suppression
//! sees every table at once.

use super::privacy::Cells;
use super::{
    BenchStrength, Blocker, CohortGroup, CohortOptions, CohortPeople, CohortReport, CompetencyGap,
    EvidenceProblem, GroupBy, Member, Readiness, ReadinessBucket, Unreadable, UnreadableDocument,
};
use crate::date::Date;
use crate::ffi::Failure;
use crate::messages::Message;
use crate::pack::Pack;
use crate::report::{EngineInfo, Id, Status};
use std::collections::BTreeMap;

/// The readiness buckets, in order.
const READY_NOW: usize = 0;
const READY_SOON: usize = 1;
const DEVELOPING: usize = 2;
const TOP_LEVEL: usize = 3;

/// A cohort report being made: add participants (in any order), then [`Cohort::finish`].
///
/// ```
/// use competency_rules::{Pack, Participant, cohort::{Cohort, CohortOptions, Member}};
///
/// let pack = Pack::hslp()?;
/// let as_of = "2026-11-24".parse()?;
/// let mut cohort = Cohort::new(&pack, as_of, CohortOptions::default());
/// let p = Participant::from_json(
///     r#"{"id": "p", "organization": "o", "level": "manager", "enrolled": "2026-09-01"}"#,
/// )?;
/// cohort.add(Member::evaluate(&pack, &p, as_of)?)?;
/// let report = cohort.finish();
/// assert_eq!(report.participants, Some(1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Cohort<'p> {
    pack: &'p Pack,
    as_of: Date,
    options: CohortOptions,
    all: GroupTally,
    organizations: BTreeMap<String, GroupTally>,
    levels: Vec<GroupTally>,
    /// Per organizational level and competency (`level * competencies + competency`): required,
    /// met, pending review, lacking.
    gaps: Vec<[u64; 4]>,
    /// Per next level and competency: how many it holds back.
    blockers: Vec<u64>,
    problems: BTreeMap<Message, u64>,
    unreadable: Unreadable,
    /// A hash of each participant id counted, to find one given twice (eight bytes each, so
    /// memory stays small for a cohort of millions; two different ids sharing a 64-bit hash is
    /// about one chance in 10^7 for a million participants).
    seen: std::collections::HashSet<u64>,
}

/// The counts of one group.
#[derive(Debug, Clone)]
struct GroupTally {
    participants: u64,
    /// By status, in `Status::ALL` order.
    status: Vec<u64>,
    /// By level attained: none, then each level.
    attained: Vec<u64>,
    near: u64,
    readiness: [u64; 4],
    /// Per next level: ready now, ready soon.
    bench: Vec<[u64; 2]>,
    /// The ids in each readiness bucket, and the people lists (none with `aggregate_only`).
    ids: Option<Box<([Vec<Id>; 4], CohortPeople)>>,
}

impl GroupTally {
    fn new(levels: usize, ids: bool) -> Self {
        GroupTally {
            participants: 0,
            status: vec![0; Status::ALL.len()],
            attained: vec![0; levels + 1],
            near: 0,
            readiness: [0; 4],
            bench: vec![[0; 2]; levels],
            ids: ids.then(Box::default),
        }
    }

    fn count(&mut self, member: &Member, bucket: usize, near: bool) {
        bump(&mut self.participants);
        if let Some(slot) = Status::ALL
            .iter()
            .position(|s| *s == member.status)
            .and_then(|i| self.status.get_mut(i))
        {
            bump(slot);
        }
        if let Some(slot) = self.attained.get_mut(member.attained.map_or(0, |l| l + 1)) {
            bump(slot);
        }
        if near {
            bump(&mut self.near);
        }
        if let Some(slot) = self.readiness.get_mut(bucket) {
            bump(slot);
        }
        if let Some((target, _, _)) = &member.next
            && let Some(slot) = self.bench.get_mut(*target)
            && let Some(slot) = slot.get_mut(bucket)
        {
            bump(slot);
        }
        if let Some(ids) = &mut self.ids {
            let (buckets, people) = &mut **ids;
            if let Some(list) = buckets.get_mut(bucket) {
                list.push(member.id.clone());
            }
            match member.status {
                Status::Completed => people.completed.push(member.id.clone()),
                Status::Lapsed => people.lapsed.push(member.id.clone()),
                _ => {}
            }
            if near {
                people.near_time_limit.push(member.id.clone());
            }
        }
    }
}

fn bump(count: &mut u64) {
    *count = count.saturating_add(1);
}

/// Where a group's counts are among the cells.
struct GroupCells {
    participants: usize,
    status: Vec<usize>,
    attained: Vec<usize>,
    near: usize,
    readiness: [usize; 4],
    /// Per next level, for the levels the group's report shows (ready now, ready soon).
    bench: Vec<Option<[usize; 2]>>,
}

/// Whether a group shows its bench for next level `li`: every level someone can head for (not
/// the first), or, for a level's own group (`own`), only the level after it. (A count a report
/// does not show is no cell: it cannot protect another, and a reader knows it is zero.)
fn shows_bench(li: usize, own: Option<usize>) -> bool {
    li > 0 && own.is_none_or(|own| li == own + 1)
}

impl GroupCells {
    fn of(cells: &mut Cells, t: &GroupTally, own: Option<usize>) -> Self {
        let participants = cells.cell(t.participants);
        let status: Vec<usize> = t.status.iter().map(|v| cells.cell(*v)).collect();
        let attained: Vec<usize> = t.attained.iter().map(|v| cells.cell(*v)).collect();
        let near = cells.cell(t.near);
        let readiness = t.readiness.map(|v| cells.cell(v));
        let bench: Vec<Option<[usize; 2]>> = t
            .bench
            .iter()
            .enumerate()
            .map(|(li, b)| shows_bench(li, own).then(|| b.map(|v| cells.cell(v))))
            .collect();
        cells.sum(participants, status.iter().copied());
        cells.sum(participants, attained.iter().copied());
        cells.sum(participants, readiness);
        for (r, total) in [READY_NOW, READY_SOON].into_iter().zip(readiness) {
            cells.sum(
                total,
                bench.iter().flatten().filter_map(|b| b.get(r).copied()),
            );
        }
        GroupCells {
            participants,
            status,
            attained,
            near,
            readiness,
            bench,
        }
    }

    /// Every cell, in one fixed order (to tie a total group to its parts, position by position);
    /// `None` where the group shows no count.
    fn flat(&self) -> Vec<Option<usize>> {
        let mut all = vec![Some(self.participants), Some(self.near)];
        all.extend(self.status.iter().copied().map(Some));
        all.extend(self.attained.iter().copied().map(Some));
        all.extend(self.readiness.map(Some));
        for b in &self.bench {
            match b {
                Some([now, soon]) => all.extend([Some(*now), Some(*soon)]),
                None => all.extend([None, None]),
            }
        }
        all
    }
}

impl<'p> Cohort<'p> {
    /// An empty cohort for `pack` on `as_of` (a breakdown asked for twice is made once).
    pub fn new(pack: &'p Pack, as_of: Date, mut options: CohortOptions) -> Self {
        let mut breakdowns = Vec::with_capacity(options.group_by.len());
        for by in options.group_by {
            if !breakdowns.contains(&by) {
                breakdowns.push(by);
            }
        }
        options.group_by = breakdowns;
        let levels = pack.model.org_level_ids.len();
        let competencies = pack.model.competencies.len();
        let ids = !options.aggregate_only;
        let by_level = options.group_by.contains(&GroupBy::Level);
        Cohort {
            pack,
            as_of,
            all: GroupTally::new(levels, ids),
            organizations: BTreeMap::new(),
            levels: if by_level {
                vec![GroupTally::new(levels, ids); levels]
            } else {
                Vec::new()
            },
            gaps: vec![[0; 4]; levels * competencies],
            blockers: vec![0; levels * competencies],
            problems: BTreeMap::new(),
            unreadable: Unreadable::default(),
            seen: std::collections::HashSet::new(),
            options,
        }
    }

    /// Counts one participant; one whose id is already in the cohort is not counted again (the
    /// failure says so: give it to [`Cohort::add_failure`] with its place).
    pub fn add(&mut self, member: Member) -> Result<(), Failure> {
        use std::hash::{Hash, Hasher};
        // (`DefaultHasher::new()` has fixed keys: the same id hashes the same on every run.)
        let mut hasher = std::hash::DefaultHasher::new();
        member.id.hash(&mut hasher);
        if !self.seen.insert(hasher.finish()) {
            return Err(Failure::new(
                crate::ffi::FailureCode::DuplicateParticipant,
                "id",
                format!(
                    "participant `{}` is already in the cohort: the first is counted",
                    member.id
                ),
            ));
        }
        let bucket = match &member.next {
            None => TOP_LEVEL,
            Some((_, true, _)) => READY_NOW,
            Some((_, false, missing))
                if u32::try_from(missing.len()).unwrap_or(u32::MAX)
                    <= self.options.ready_within =>
            {
                READY_SOON
            }
            Some(_) => DEVELOPING,
        };
        let near = !matches!(member.status, Status::Completed | Status::Lapsed)
            && member.deadline.is_some_and(|d| {
                let days = self.as_of.days_until(d);
                (0..=i64::from(self.options.near_days)).contains(&days)
            });
        self.all.count(&member, bucket, near);
        if self.options.group_by.contains(&GroupBy::Organization) {
            let levels = self.pack.model.org_level_ids.len();
            let ids = !self.options.aggregate_only;
            self.organizations
                .entry(member.organization.clone())
                .or_insert_with(|| GroupTally::new(levels, ids))
                .count(&member, bucket, near);
        }
        if let Some(group) = self.levels.get_mut(member.level) {
            group.count(&member, bucket, near);
        }
        let competencies = self.pack.model.competencies.len();
        for (ci, state) in &member.states {
            let Some(row) = self.gaps.get_mut(member.level * competencies + ci) else {
                continue;
            };
            for i in [0, 1 + usize::from(*state)] {
                if let Some(slot) = row.get_mut(i) {
                    bump(slot);
                }
            }
        }
        if let Some((target, false, missing)) = &member.next {
            for ci in missing {
                if let Some(slot) = self.blockers.get_mut(target * competencies + ci) {
                    bump(slot);
                }
            }
        }
        for (code, n) in &member.not_counted {
            let slot = self.problems.entry(*code).or_default();
            *slot = slot.saturating_add(u64::try_from(*n).unwrap_or(u64::MAX));
        }
        Ok(())
    }

    /// Counts a document that could not be read or evaluated: `source` names its input, `index`
    /// is its position there.
    pub fn add_failure(&mut self, source: Option<&str>, index: usize, error: Failure) {
        let u = &mut self.unreadable;
        bump(&mut u.count);
        match u.by_code.iter_mut().find(|(c, _)| *c == error.code) {
            Some((_, n)) => bump(n),
            None => u.by_code.push((error.code, 1)),
        }
        if !self.options.aggregate_only {
            u.documents
                .get_or_insert_with(Vec::new)
                .push(UnreadableDocument {
                    source: source.map(str::to_owned),
                    index,
                    error,
                });
        }
    }

    /// Evaluates and counts every participant of `input` (JSON Lines, a JSON array, or documents
    /// one after another), on `threads` threads (0 for every core); `source` names the input in
    /// the unreadable list.
    pub fn add_stream<R: std::io::BufRead + Send>(
        &mut self,
        input: R,
        source: Option<&str>,
        threads: usize,
    ) -> std::io::Result<crate::stream::Summary> {
        use crate::stream::{Entry, Outcome, map};
        let (pack, as_of) = (self.pack, self.as_of);
        let work = |entry: &Entry, text: &str| {
            let member = crate::Participant::from_json(text)
                .map_err(Failure::from)
                .and_then(|p| Member::evaluate(pack, &p, as_of).map_err(Failure::from));
            match member {
                Ok(member) => Outcome::Done(member),
                Err(failure) => Outcome::Failed(entry.locate(failure)),
            }
        };
        map(input, threads, work, |entry, outcome| {
            let failure = match outcome {
                Outcome::Done(member) => self.add(member).err().map(|f| entry.locate(f)),
                Outcome::Failed(failure) => Some(failure),
            };
            if let Some(failure) = failure {
                self.add_failure(source, entry.index, failure);
            }
            Ok(())
        })
    }

    /// The report.
    pub fn finish(self) -> CohortReport {
        let model = &self.pack.model;
        let level_ids = &model.org_level_ids;
        let competencies = model.competencies.len();
        let mut cells = Cells::default();

        // The groups, each tied to its totals, and the whole to its organizations and levels.
        let all = GroupCells::of(&mut cells, &self.all, None);
        let organizations: Vec<GroupCells> = self
            .organizations
            .values()
            .map(|t| GroupCells::of(&mut cells, t, None))
            .collect();
        let levels: Vec<GroupCells> = self
            .levels
            .iter()
            .enumerate()
            .map(|(li, t)| GroupCells::of(&mut cells, t, Some(li)))
            .collect();
        let whole = all.flat();
        for parts in [&organizations, &levels] {
            if parts.is_empty() {
                continue;
            }
            let flat: Vec<Vec<Option<usize>>> = parts.iter().map(GroupCells::flat).collect();
            for (p, total) in whole.iter().enumerate() {
                if let Some(total) = total {
                    cells.sum(
                        *total,
                        flat.iter().filter_map(|f| f.get(p).copied().flatten()),
                    );
                }
            }
        }

        // The gap matrix: each row adds up to its required count, which equals the level's
        // participants when everyone there is required to have it.
        let mut gap_cells = Vec::new();
        for (i, row) in self.gaps.iter().enumerate() {
            if row[0] == 0 {
                continue;
            }
            let (li, ci) = (i / competencies.max(1), i % competencies.max(1));
            let [required, met, pending, lacking] = row.map(|v| cells.cell(v));
            cells.sum(required, [met, pending, lacking]);
            if let Some(group) = self.levels.get(li).zip(levels.get(li))
                && group.0.participants == row[0]
            {
                cells.sum(group.1.participants, [required]);
            }
            gap_cells.push((li, ci, [required, met, pending, lacking]));
        }
        let blocker_cells: Vec<(usize, usize, usize)> = self
            .blockers
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(i, n)| {
                (
                    i / competencies.max(1),
                    i % competencies.max(1),
                    cells.cell(*n),
                )
            })
            .collect();
        let problem_cells: Vec<(Message, usize)> = self
            .problems
            .iter()
            .map(|(code, n)| (*code, cells.cell(*n)))
            .collect();

        let suppressed = self.options.aggregate_only.then(|| {
            cells.suppress(u64::from(self.options.min_cell));
            cells.hidden_count()
        });

        let level_id = |li: usize| level_ids.get(li).cloned().unwrap_or_else(|| Id::from(""));
        let competency_id = |ci: usize| {
            model
                .competencies
                .get(ci)
                .map_or_else(|| Id::from(""), |c| c.id.clone())
        };
        let group = |by: &'static str, id: String, c: &GroupCells, t: GroupTally| {
            let mut ids = t.ids.map(|ids| *ids);
            let mut bucket = |i: usize| ReadinessBucket {
                count: c.readiness.get(i).and_then(|x| cells.shown(*x)),
                participants: ids.as_mut().and_then(|(lists, _)| {
                    let mut list = std::mem::take(lists.get_mut(i)?);
                    list.sort_unstable();
                    Some(list)
                }),
            };
            let readiness = Readiness {
                ready_now: bucket(READY_NOW),
                ready_soon: bucket(READY_SOON),
                developing: bucket(DEVELOPING),
                top_level: bucket(TOP_LEVEL),
            };
            let mut attained = vec![(Id::from("none"), None)];
            attained.extend(level_ids.iter().map(|l| (l.clone(), None)));
            for (slot, cell) in attained.iter_mut().zip(&c.attained) {
                slot.1 = cells.shown(*cell);
            }
            CohortGroup {
                by,
                id,
                participants: cells.shown(c.participants),
                status: Status::ALL
                    .iter()
                    .zip(&c.status)
                    .map(|(s, cell)| (*s, cells.shown(*cell)))
                    .collect(),
                level_attained: attained,
                near_time_limit: cells.shown(c.near),
                readiness,
                bench: c
                    .bench
                    .iter()
                    .enumerate()
                    .filter_map(|(li, b)| {
                        let [now, soon] = (*b)?;
                        Some(BenchStrength {
                            level: level_id(li),
                            ready_now: cells.shown(now),
                            ready_soon: cells.shown(soon),
                        })
                    })
                    .collect(),
                people: ids.map(|(_, mut people)| {
                    people.completed.sort_unstable();
                    people.lapsed.sort_unstable();
                    people.near_time_limit.sort_unstable();
                    people
                }),
            }
        };
        let mut groups = Vec::new();
        let participants = cells.shown(all.participants);
        groups.push(group("all", "all".to_owned(), &all, self.all));
        for ((id, t), c) in self.organizations.into_iter().zip(&organizations) {
            groups.push(group(GroupBy::Organization.id(), id, c, t));
        }
        for (li, (t, c)) in self.levels.into_iter().zip(&levels).enumerate() {
            groups.push(group(GroupBy::Level.id(), level_id(li).to_string(), c, t));
        }

        let gaps = gap_cells
            .into_iter()
            .map(|(li, ci, [required, met, pending, lacking])| {
                let (required, met) = (cells.shown(required), cells.shown(met));
                CompetencyGap {
                    level: level_id(li),
                    competency: competency_id(ci),
                    required,
                    met,
                    pending_review: cells.shown(pending),
                    lacking: cells.shown(lacking),
                    met_percent: required.zip(met).and_then(|(r, m)| {
                        u32::try_from(m.saturating_mul(100).checked_div(r)?).ok()
                    }),
                }
            })
            .collect();
        let mut blockers: Vec<Blocker> = blocker_cells
            .into_iter()
            .map(|(li, ci, cell)| Blocker {
                level: level_id(li),
                competency: competency_id(ci),
                count: cells.shown(cell),
            })
            .collect();
        // Most frequent first; suppressed ones last, in pack order (their order would tell).
        blockers.sort_by_key(|b| std::cmp::Reverse(b.count.map(|n| n.saturating_add(1))));
        let mut evidence_problems: Vec<EvidenceProblem> = problem_cells
            .into_iter()
            .map(|(code, cell)| EvidenceProblem {
                code,
                count: cells.shown(cell),
            })
            .collect();
        evidence_problems.sort_by_key(|p| std::cmp::Reverse(p.count.map(|n| n.saturating_add(1))));
        let mut unreadable = self.unreadable;
        unreadable
            .by_code
            .sort_unstable_by_key(|(code, _)| code.code());

        CohortReport {
            format: "competency-rules/cohort@1",
            engine: EngineInfo::CURRENT,
            pack: self.pack.info(),
            as_of: self.as_of,
            options: self.options,
            participants,
            groups,
            gaps,
            blockers,
            evidence_problems,
            unreadable,
            suppressed,
        }
    }
}
