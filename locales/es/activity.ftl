activity-meet-only-members = Solo las dos personas de esta pareja pueden registrar sus reuniones.
activity-kudos-self = Los kudos sirven para dar las gracias a otra persona. ¿Quién te ha ayudado últimamente? Prueba `/kudos` con su nombre.
activity-kudos-bot = Los bots no necesitan agradecimientos, pero las personas sí: elige a un miembro.
activity-kudos-empty = Añade unas palabras sobre lo que agradeces y vuelve a intentarlo.
activity-kudos-not-member = Solo puedes dar las gracias a personas de este servidor. Elige a alguien de la lista mientras escribes.
activity-meet-minutes = Las reuniones se registran en minutos, de 1 a 600. Vuelve a intentarlo con lo que duró la reunión.
activity-kudos-too-long = Tu agradecimiento tiene { $chars } caracteres; no pases de 200, por favor.
activity-note-too-long = Tu nota tiene { $chars } caracteres; no pases de 200, por favor.
activity-minutes = { $minutes } min
activity-hours = { $hours } h
activity-hours-minutes = { $hours } h { $minutes } min
# $length y $total son duraciones escritas como arriba; $meetings cuenta las reuniones de esta pareja.
activity-meeting-recorded =
    { $meetings ->
        [one] 📅 <@{ $user }> ha registrado una reunión de { $length }: la primera de la pareja. ¡Buen trabajo!
       *[other] 📅 <@{ $user }> ha registrado una reunión de { $length }: ya van { $meetings } reuniones, { $total } en total. ¡Buen trabajo!
    }
# $received cuenta los kudos que ha recibido esta persona, este incluido.
activity-kudos = 🙌 **Kudos para <@{ $receiver }>** de <@{ $giver }>: { $reason }
    -# Es el { $received }.º kudos que recibe. Da las gracias a alguien con `/kudos`.
activity-kudos-limited = Has dado { $per_day } kudos en las últimas 24 horas. ¡Gracias por repartirlos! Podrás dar más <t:{ $again }:R>.
