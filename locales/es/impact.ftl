# El informe de impacto de un ciclo del programa (al final de un ciclo, /programme report,
# tandem report): una imagen de una página, Markdown y CSV para quienes financian el programa.
# $name es el nombre del ciclo; $from, $to, $end y $date son fechas escritas.
impact-title = { $name }: informe de impacto
impact-span =
    { $weeks ->
        [one] Del { $from } al { $to } · 1 semana
       *[other] Del { $from } al { $to } · { $weeks } semanas
    }
impact-span-running = Del { $from } al { $to } por ahora · el ciclo termina el { $end }
impact-made = Hecho por tandem el { $date }.
impact-footnote = Las cifras del pulso y de la encuesta de salida solo se muestran cuando han respondido al menos { $min } personas, y los comentarios no llevan nombres. Las semanas van de lunes a domingo (UTC).
impact-days =
    { $days ->
        [one] { $days } día
       *[other] { $days } días
    }
impact-none = –
impact-section-glance = De un vistazo
impact-glance-people =
    { $people ->
        [one] **{ $people } persona** participó
       *[other] **{ $people } personas** participaron
    } ({ $mentors ->
        [one] { $mentors } mentor
       *[other] { $mentors } mentores
    }, { $mentees ->
        [one] { $mentees } aprendiz
       *[other] { $mentees } aprendices
    }{ $peers ->
        [0] {""}
        [one] , { $peers } en un círculo de pares
       *[other] , { $peers } en círculos de pares
    }) en { $pairs ->
        [one] { $pairs } pareja
       *[other] { $pairs } parejas
    }, { $new } de ellas nuevas en este ciclo.
impact-glance-retention = El **{ $rate }** de las parejas siguió junta o terminó según lo previsto ({ $kept } de { $pairs }).
impact-glance-goals = Se alcanzaron **{ $done } de { $set }** objetivos.
impact-glance-answers = Se respondió el **{ $rate }** de los seguimientos ({ $answers } de { $expected }).
impact-glance-no-checkins = No hubo seguimientos durante el ciclo.
impact-glance-pulse = La encuesta pulso tuvo una media de **{ $average } sobre 5** ({ $answers } respuestas).
impact-glance-pulse-hidden = Ninguna ronda de la encuesta pulso tuvo { $min } respuestas, así que no se muestra la media.
impact-glance-exit = La encuesta de salida tuvo una media de **{ $average } sobre 5** ({ $answers } respuestas).
impact-glance-exit-hidden =
    { $answers ->
        [one] La encuesta de salida tiene 1 respuesta por ahora. Sus cifras se muestran a partir de { $min } respuestas.
       *[other] La encuesta de salida tiene { $answers } respuestas por ahora. Sus cifras se muestran a partir de { $min } respuestas.
    }
impact-waits = { $paired } aprendices fueron emparejados durante el ciclo, tras una espera mediana de { $median } (la más larga: { $longest }).
impact-waits-none = Ningún aprendiz fue emparejado durante el ciclo.
impact-waits-still =
    { $count ->
        [one] 1 aprendiz sigue esperando, desde hace { $longest }.
       *[other] { $count } aprendices siguen esperando, el que más desde hace { $longest }.
    }
impact-waits-nobody = Nadie está esperando emparejamiento.
impact-load = { $mentors } mentores acompañaron a { $mentees } aprendices: { $average } cada uno de media, { $most } como máximo.
impact-load-none = Ningún mentor tuvo pareja en este ciclo.
impact-load-row =
    { $mentors ->
        [one] { $label }: 1 mentor
       *[other] { $label }: { $mentors } mentores
    }
impact-load-label =
    { $mentees ->
        [one] 1 aprendiz
       *[other] { $mentees } aprendices
    }
impact-section-weeks = Semana a semana
impact-col-week = Semana del
impact-col-active = Miembros que participaron
impact-col-answered = Seguimientos respondidos
impact-col-pulse = Pulso (1–5)
impact-chart-active = Miembros que participaron
impact-chart-answered = Seguimientos respondidos
impact-chart-pulse = Media del pulso (1–5)
impact-section-outcomes = Cómo están las parejas al final
impact-outcome-continuing = Siguen juntas
impact-outcome-completed = Terminaron según lo previsto
impact-outcome-not-a-good-fit = No encajaban
impact-outcome-inactive = Dejaron de hablar
impact-outcome-withdrawn = Alguien se retiró
impact-outcome-left-server = Alguien dejó el servidor
impact-outcome-other = Otro motivo
impact-outcome-channel-lost = Canal perdido
impact-retention-note = { $kept } de { $pairs } parejas ({ $rate }) siguieron juntas o terminaron según lo previsto.
impact-section-load = Carga de los mentores
impact-section-waits = Espera de emparejamiento
impact-section-exit = Encuesta de salida
impact-rating = { $score } sobre 5
impact-section-said = Lo que dijeron los miembros
impact-exit-worked = Qué funcionó
impact-exit-change = Qué cambiar
impact-exit-no-comments = Sin comentarios.
impact-comments-hidden = Los comentarios se muestran cuando al menos { $min } personas han respondido la encuesta de salida.
impact-quote = «{ $text }»
impact-quote-many = «{ $text }» ({ $count } personas)
impact-more-comments = …y { $count } más en el archivo CSV.
impact-tile-people = personas participaron: { $mentors } mentores, { $mentees } aprendices{ $peers ->
        [0] {""}
       *[other] , { $peers } en círculos
    }
impact-tile-pairs =
    { $pairs ->
        [one] pareja, { $new } nueva en este ciclo
       *[other] parejas, { $new } nuevas en este ciclo
    }
impact-tile-retention = de las parejas siguió junta o terminó según lo previsto
impact-tile-goals-value = { $done } / { $set }
impact-tile-goals = objetivos alcanzados
impact-tile-answered = de los seguimientos respondidos
impact-tile-pulse = media del pulso, sobre 5
impact-tile-pulse-hidden = pulso: se muestra a partir de { $min } respuestas por ronda
impact-tile-exit = encuesta de salida, sobre 5 ({ $answers } respuestas)
impact-tile-exit-hidden = encuesta de salida: { $answers } respuestas por ahora
impact-tile-wait = espera mediana de emparejamiento
impact-post = La imagen es una página para entregar a quienes financian el programa. El archivo CSV tiene todas las cifras.
impact-no-cycle = Aquí aún no ha habido ningún ciclo. Empieza uno con `/programme start name weeks`. Su informe de impacto llega una semana después del final, y `/programme report` lo muestra en cualquier momento.
impact-unknown-cycle = Ese no es uno de los ciclos de este servidor. Elige uno de la lista, o deja `cycle` vacío para el último.
impact-cycle-choice = { $name } (empezó el { $date })
