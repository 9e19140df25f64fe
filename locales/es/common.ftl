# Fechas. $day es un número, $month un nombre corto de mes (abajo), $year las cifras del año.
common-date = { $day } { $month } { $year }
common-day-month = { $day } { $month }
common-weekday-day = { $weekday } { $day } { $month }
common-weekday-date = { $weekday } { $day } { $month } { $year }
common-jan = ene
common-feb = feb
common-mar = mar
common-apr = abr
common-may = may
common-jun = jun
common-jul = jul
common-aug = ago
common-sep = sept
common-oct = oct
common-nov = nov
common-dec = dic
common-mon = lun
common-tue = mar
common-wed = mié
common-thu = jue
common-fri = vie
common-sat = sáb
common-sun = dom
# Una lista: $first son todos los elementos menos el último, unidos con ", ".
common-and = { $first } y { $last }
