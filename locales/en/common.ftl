# Dates. $day is a number, $month a short month name below, $year the year's digits.
common-date = { $day } { $month } { $year }
common-day-month = { $day } { $month }
common-weekday-day = { $weekday } { $day } { $month }
common-weekday-date = { $weekday } { $day } { $month } { $year }
common-jan = Jan
common-feb = Feb
common-mar = Mar
common-apr = Apr
common-may = May
common-jun = Jun
common-jul = Jul
common-aug = Aug
common-sep = Sep
common-oct = Oct
common-nov = Nov
common-dec = Dec
common-mon = Mon
common-tue = Tue
common-wed = Wed
common-thu = Thu
common-fri = Fri
common-sat = Sat
common-sun = Sun
# A list: $first is every item but the last, joined with ", ".
common-and = { $first } and { $last }
