digest-only-moderators = Solo los moderadores pueden ver el resumen. Pregunta a un moderador si quieres saber cómo va el programa.
digest-export-only-moderators = Solo los moderadores pueden exportar los datos del programa. Para obtener los tuyos, usa `/mydata export`.
digest-bad-weeks = El gráfico abarca de 2 a 26 semanas. Elige un número en ese rango o no indiques `weeks` para usar 8.
digest-exported = Datos del programa a fecha de <t:{ $at }:f>. Solo recuentos, ánimos y fechas: no se incluye lo que escribieron los miembros. Abre los archivos con cualquier hoja de cálculo.
# $week es la fecha en que empieza la semana, p. ej. 30 nov 2026.
digest-title = Resumen de mentorías: semana del { $week }
digest-reason-quiet =
    { $days ->
        [one] sin mensajes ni reuniones desde hace { $days } día
       *[other] sin mensajes ni reuniones desde hace { $days } días
    }
digest-reason-quiet-since-start =
    { $days ->
        [one] sin mensajes ni reuniones desde que se formó la pareja hace { $days } día
       *[other] sin mensajes ni reuniones desde que se formó la pareja hace { $days } días
    }
digest-reason-unanswered =
    { $count ->
        [one] último seguimiento sin responder
       *[other] { $count } seguimientos seguidos sin responder
    }
digest-reason-low-mood = ánimo bajo (media de { $average } sobre 5)
digest-reason-mood-falling = ánimo en descenso ({ $from } → { $to })
digest-reason-goals-overdue =
    { $count ->
        [one] { $count } meta vencida
       *[other] { $count } metas vencidas
    }
digest-action-quiet = saluda en su canal o pregunta a cada persona en privado si la pareja sigue funcionando
digest-action-unanswered = pregunta si les viene bien la hora del seguimiento, u ofréceles un descanso con `/pair pause`
digest-action-mood = escribe en privado a cada persona y pregúntale cómo le va
digest-action-goals = ayúdales a poner nuevas fechas a sus metas, o a hacerlas más pequeñas
# Se muestra en lugar de un miembro que borró sus datos.
digest-erased = (borrado)
digest-pair = { $mentor } & { $mentee }
digest-pair-in = { $mentor } & { $mentee } en <#{ $channel }>
digest-red-line = 🔴 **Rojo**: { $pair }: { $reasons }.
    → Sugerencia: { $action }.
# $from y $to son días como "lun 30 nov" y "dom 6 dic 2026".
digest-period = Del { $from } al { $to } (UTC), comparado con la semana anterior.
digest-health = **Parejas por estado:** 🟢 { $green } en verde · 🟠 { $amber } en ámbar · 🔴 { $red } en rojo · ⏸️ { $paused } en pausa
digest-no-red = Esta semana no hay ninguna pareja en rojo.
digest-needs-attention = **Necesitan atención**
digest-more-red =
    { $count ->
        [one] …y { $count } pareja más en rojo: `/export` lista todas las parejas con su estado (pairs.csv).
       *[other] …y { $count } parejas más en rojo: `/export` lista todas las parejas con su estado (pairs.csv).
    }
digest-percent = { $value } %
digest-answer-rate = { $rate } ({ $answers } de { $expected })
digest-no-checkins = sin seguimientos
digest-waiting =
    { $days ->
        [one] { $waiting } (espera máxima: { $days } día)
       *[other] { $waiting } (espera máxima: { $days } días)
    }
digest-none = ninguno
digest-load = { $load } aprendices por mentor, { $full } de { $mentors } al completo
digest-no-mentors = ningún mentor activo
digest-pulse = { $average } sobre 5 ({ $answers } respuestas)
digest-pulse-hidden = oculto: { $answers } respuestas, se muestra a partir de { $min }
digest-no-pulse = sin encuesta pulso
digest-retention = { $rate } ({ $retained } de { $pairs } parejas)
digest-no-retention = aún no hay parejas con esa antigüedad
digest-of = { $part } de { $whole }
digest-row-active-members = Miembros activos
digest-row-active-pairs = Parejas activas
digest-row-new-enrolments = Nuevas inscripciones
digest-row-waiting = Aprendices en espera
digest-row-load = Carga de los mentores
digest-row-answered = Seguimientos respondidos
digest-row-per-pair = Por pareja (mediana)
# $messages y $meetings son los números ya escritos; los *_count eligen el plural.
digest-per-pair = { $messages } { $messages_count ->
        [one] mensaje
       *[other] mensajes
    }, { $meetings } { $meetings_count ->
        [one] reunión
       *[other] reuniones
    }
digest-pulse-up = sube { $change } desde la anterior
digest-pulse-down = baja { $change } desde la anterior
digest-pulse-steady = estable ({ $change }) desde la anterior
digest-row-pulse = Pulso
digest-row-goals-done = Metas cumplidas
digest-row-kudos = Kudos
digest-row-retention = Retención (8+ semanas)
digest-field = **{ $this }**
    semana pasada: { $last }
digest-footer = Gráfico: las últimas { $weeks } semanas. Las semanas van de lunes a domingo, en UTC. /export tiene todos los datos.
digest-chart-none = ninguno
digest-alt-text = Gráfico de las últimas { $weeks } semanas, de la más antigua a la más reciente. Seguimientos respondidos: { $rates }. Parejas activas: { $pairs }. Media de la encuesta pulso: { $pulse }.
digest-this-week = esta semana
digest-last-week = semana pasada
digest-chart-title =
    { $weeks ->
        [0] tandem — aún no hay semanas
        [one] tandem — la última semana
       *[other] tandem — últimas { $weeks } semanas
    }
digest-chart-no-data = aún no hay datos
digest-chart-rate = Seguimientos respondidos (%)
digest-chart-rate-now = Seguimientos respondidos: { $rate } % esta semana
digest-chart-rate-none = Seguimientos respondidos: esta semana no tocaba ninguno
digest-chart-pairs = Parejas activas
digest-chart-pairs-now = Parejas activas: { $pairs } esta semana
digest-chart-pulse = Media de la encuesta pulso (1–5)
digest-chart-pulse-now = Media de la encuesta pulso (1–5): { $average } esta semana
digest-chart-pulse-none = Media de la encuesta pulso (1–5): no disponible esta semana
# Las preguntas pulso propias de tandem (para servidores que no configuran ninguna).
digest-pulse-question-1 = ¿Hasta qué punto te ha resultado útil la mentoría estas dos últimas semanas?
digest-pulse-question-2 = ¿Hasta qué punto funciona bien tu pareja en este momento?
digest-pulse-question-3 = ¿Hasta qué punto recomendarías el programa a otra persona?
digest-pulse-question-4 = ¿Cuánto has aprendido estas dos últimas semanas?
digest-open-reports =
    { $count ->
        [one] 📨 **{ $count } aviso** de un miembro sigue sin leer: búscalo en este canal y pulsa el botón Marcar como leído.
       *[other] 📨 **{ $count } avisos** de miembros siguen sin leer: búscalos en este canal y pulsa el botón Marcar como leído.
    }
digest-cycle =
    { $days ->
        [one] {"**"}{ $name }**: queda { $days } día (termina el <t:{ $end }:D>).
       *[other] {"**"}{ $name }**: quedan { $days } días (termina el <t:{ $end }:D>).
    }
digest-cycle-ask = A las parejas se les pregunta si siguen <t:{ $ask }:R>.
digest-cycle-unanswered =
    { $waiting ->
        [0] Todas las parejas han dicho si siguen.
        [one] { $waiting } de { $pairs } parejas aún no ha dicho si sigue: `/programme status` la muestra.
       *[other] { $waiting } de { $pairs } parejas aún no han dicho si siguen: `/programme status` las muestra.
    }
digest-paused-no-answer =
    { $count ->
        [one] {"**"}En pausa: sin respuesta** ({ $count } mentor): { $mentors }. No respondió a la pregunta mensual, así que no recibe aprendices nuevos hasta que pulse Sí; sus parejas siguen.
       *[other] {"**"}En pausa: sin respuesta** ({ $count } mentores): { $mentors }. No respondieron a la pregunta mensual, así que no reciben aprendices nuevos hasta que pulsen Sí; sus parejas siguen.
    }
digest-paused-chose =
    { $count ->
        [one] { $count } mentor más eligió pausar o retirarse.
       *[other] { $count } mentores más eligieron pausar o retirarse.
    }
digest-space-in = { $people } en <#{ $channel }>
