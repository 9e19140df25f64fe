# Dates. $day is a number, $month a short month name below, $year the year's digits.
common-date = { $day } { $month } { $year }
common-day-month = { $day } { $month }
common-weekday-day = { $weekday } { $day } { $month }
common-weekday-date = { $weekday } { $day } { $month } { $year }
common-jan = janv.
common-feb = févr.
common-mar = mars
common-apr = avr.
common-may = mai
common-jun = juin
common-jul = juil.
common-aug = août
common-sep = sept.
common-oct = oct.
common-nov = nov.
common-dec = déc.
common-mon = lun.
common-tue = mar.
common-wed = mer.
common-thu = jeu.
common-fri = ven.
common-sat = sam.
common-sun = dim.
# A list: $first is every item but the last, joined with ", ".
common-and = { $first } et { $last }
