#!/usr/bin/env python3
"""Writes a realistic football-data CSV for benchmarks:

    scripts/generate_realistic.py MATCHES SEED OUT.csv

football-data.co.uk's layout (`Div,Season,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR,HTHG,HTAG,HTR`,
about 53 bytes a match), the clubs of six real divisions under football-data's spellings
(E0, E1, SP1, I1, D1, F1, twenty clubs each), and seasons of 20-team double round robins
(380 matches each, played round by round, a round a week from mid-August). With the `Season`
column every division and season is a group of its own (`E0 2019-20`; see
src/read/football_data.rs), and a club is in one division each season.

The file holds whole division-seasons: MATCHES is rounded up to a multiple of 380 (1,000,000
gives 2,632 groups, 1,000,160 matches). Seasons are labelled backwards from 2024-25, the
divisions of a season in the order above (from the year 1 on when there are more than 2,024
seasons: the 10 M file's last season is 4386-87). The same MATCHES and SEED give the same bytes.
Goals are Poisson draws from each club's strength in that season; half-time goals are a share
of the full-time ones. Results are drawn for the first 440 seasons (1,003,200 matches); a
larger file replays them under its later seasons' labels and dates.
"""
import datetime
import math
import random
import sys

DIVISIONS = {
    "E0": ["Arsenal", "Aston Villa", "Bournemouth", "Brentford", "Brighton", "Burnley",
           "Chelsea", "Crystal Palace", "Everton", "Fulham", "Liverpool", "Luton", "Man City",
           "Man United", "Newcastle", "Nott'm Forest", "Sheffield United", "Tottenham",
           "West Ham", "Wolves"],
    "E1": ["Birmingham", "Blackburn", "Bristol City", "Cardiff", "Coventry", "Huddersfield",
           "Hull", "Ipswich", "Leeds", "Leicester", "Middlesbrough", "Millwall", "Norwich",
           "Plymouth", "Preston", "QPR", "Rotherham", "Sheffield Weds", "Southampton",
           "Stoke"],
    "SP1": ["Alaves", "Almeria", "Ath Bilbao", "Ath Madrid", "Barcelona", "Betis", "Cadiz",
            "Celta", "Getafe", "Girona", "Granada", "Las Palmas", "Mallorca", "Osasuna",
            "Real Madrid", "Sevilla", "Sociedad", "Valencia", "Vallecano", "Villarreal"],
    "I1": ["Atalanta", "Bologna", "Cagliari", "Empoli", "Fiorentina", "Frosinone", "Genoa",
           "Inter", "Juventus", "Lazio", "Lecce", "Milan", "Monza", "Napoli", "Roma",
           "Salernitana", "Sassuolo", "Torino", "Udinese", "Verona"],
    "D1": ["Augsburg", "Bayern Munich", "Bochum", "Darmstadt", "Dortmund", "Ein Frankfurt",
           "FC Koln", "Freiburg", "Heidenheim", "Hertha", "Hoffenheim", "Leverkusen",
           "M'gladbach", "Mainz", "RB Leipzig", "Schalke 04", "Stuttgart", "Union Berlin",
           "Werder Bremen", "Wolfsburg"],
    "F1": ["Ajaccio", "Angers", "Auxerre", "Brest", "Clermont", "Lens", "Lille", "Lorient",
           "Lyon", "Marseille", "Monaco", "Montpellier", "Nantes", "Nice", "Paris SG", "Reims",
           "Rennes", "Strasbourg", "Toulouse", "Troyes"],
}
MATCHES_PER_GROUP = 380
# Seasons whose results are drawn; later ones replay them (a 10 M-match file in seconds).
UNIQUE_SEASONS = 440
HEADER = "Div,Season,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR,HTHG,HTAG,HTR\n"


def rounds(teams):
    """A double round robin by the circle method: 38 rounds of 10 (home, away) pairs."""
    n = len(teams)
    order = list(teams)
    first = []
    for r in range(n - 1):
        pairs = []
        for i in range(n // 2):
            a, b = order[i], order[n - 1 - i]
            pairs.append((a, b) if (r + i) % 2 == 0 else (b, a))
        first.append(pairs)
        order = [order[0], order[-1]] + order[1:-1]
    return first + [[(b, a) for a, b in pairs] for pairs in first]


def poisson(rng, mean):
    """A Poisson draw by inversion (means here are below 4)."""
    u = rng.random()
    k = 0
    p = math.exp(-mean)
    cumulative = p
    while u > cumulative and k < 30:
        k += 1
        p *= mean / k
        cumulative += p
    return k


def result(home, away):
    return "H" if home > away else "A" if away > home else "D"


def season_results(rng, clubs):
    """One division's season: its 38 rounds, each a list of lines without the leading
    `Div,Season,Date,` (home, away, full-time and half-time goals and results)."""
    teams = list(clubs)
    rng.shuffle(teams)
    strength = {t: 0.55 + 0.9 * rng.random() for t in teams}
    played = []
    for pairs in rounds(teams):
        lines = []
        for home, away in pairs:
            hg = poisson(rng, 1.5 * strength[home] / strength[away] ** 0.5)
            ag = poisson(rng, 1.15 * strength[away] / strength[home] ** 0.5)
            hthg = sum(rng.random() < 0.45 for _ in range(hg))
            htag = sum(rng.random() < 0.45 for _ in range(ag))
            lines.append(f"{home},{away},{hg},{ag},{result(hg, ag)},"
                         f"{hthg},{htag},{result(hthg, htag)}\n")
        played.append(lines)
    return played


def season_text(div, season, year, played):
    """The 380 lines of one division's season, a round a week from the second Saturday of
    August of `year`."""
    first_saturday = datetime.date(year, 8, 8)
    first_saturday += datetime.timedelta(days=(5 - first_saturday.weekday()) % 7)
    text = []
    for r, lines in enumerate(played):
        day = first_saturday + datetime.timedelta(days=7 * r)
        date = f"{day.day:02d}/{day.month:02d}/{day.year:04d}"
        prefix = f"{div},{season},{date},"
        text.extend(prefix + line for line in lines)
    return "".join(text)


def main(matches, seed, out):
    groups = -(-matches // MATCHES_PER_GROUP)
    divisions = list(DIVISIONS.items())
    seasons = -(-groups // len(divisions))
    rng = random.Random(seed)
    # Results drawn for the first seasons, replayed under later seasons' labels and dates.
    drawn = {}
    written = 0
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        for s in range(seasons):
            year = max(1, 2025 - seasons) + s
            season = f"{year:04d}-{(year + 1) % 100:02d}"
            for div, clubs in divisions:
                if written == groups:
                    break
                key = (s % UNIQUE_SEASONS, div)
                if key not in drawn:
                    drawn[key] = season_results(rng, clubs)
                f.write(season_text(div, season, year, drawn[key]))
                written += 1
    print(f"{out}: {groups * MATCHES_PER_GROUP} matches in {groups} groups", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3])
