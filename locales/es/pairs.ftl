pairs-only-moderators = Solo los moderadores pueden formar parejas.
pairs-no-category = Los canales de pareja necesitan antes una categoría. Un administrador puede elegirla con `/setup pair_category:`.
pairs-channel-failed = No pude crear el canal de la pareja, así que no se formó la pareja. Comprueba que tandem tiene los permisos Gestionar canales y Gestionar roles en la categoría de las parejas (`/setup` muestra lo que falta). Luego vuelve a intentarlo.
pairs-welcome-title = Te damos la bienvenida a tu espacio de mentoría
pairs-icebreakers = Para empezar
pairs-first-goal = Primer paso
pairs-first-goal-text = Elegir entre los dos una primera meta y añadirla con `/goal add title:… due:…`.
pairs-not-a-pair-channel = Usa este comando dentro del canal privado de la pareja.
pairs-not-your-pair = Solo las dos personas de esta pareja (o un moderador) pueden hacer eso aquí.
pairs-ended = Listo: la pareja ha terminado y las dos personas recibirán una breve encuesta de cierre.
pairs-survey-button = Encuesta de cierre
pairs-survey-title = ¿Qué tal fue tu mentoría?
pairs-survey-rating = Valoración de 1 (mala) a 5 (excelente)
pairs-survey-worked = ¿Qué funcionó bien?
pairs-survey-change = ¿Qué deberíamos cambiar?
pairs-bad-rating = La valoración tiene que ser un número entero del 1 al 5. Vuelve a pulsar el botón Encuesta de cierre para intentarlo de nuevo.
pairs-survey-thanks = ¡Gracias! Tus respuestas están guardadas.
pairs-not-your-survey = Esta encuesta es para las dos personas de esa pareja.
pairs-refit-sent = Se lo he contado a los moderadores en privado. A la otra persona no se le dirá el motivo. Si un moderador te cambia de pareja, solo sabrá que la pareja terminó.
pairs-refit-no-channel = Los moderadores no han configurado un canal donde pueda avisarles. Escribe directamente a un moderador, por favor.
pairs-refit-only-members = Solo alguien de esta pareja puede pedir cambiar de pareja.
pairs-repair = Cambiar de pareja
pairs-suggest-title = Parejas sugeridas
pairs-nothing-to-suggest = Ahora mismo nadie está esperando mentor, así que no hay nada que sugerir.
pairs-no-free-mentors = Hay aprendices esperando, pero ningún mentor activo tiene plazas libres. Pide a los mentores que amplíen su capacidad con `/profile edit` o aprueba a nuevos mentores.
pairs-unmatched = Sin pareja
pairs-approve-all = Aprobar todas
pairs-discard = Descartar
pairs-previous = Anterior
pairs-next = Siguiente
pairs-pick = Elige las parejas que quieres aprobar…
pairs-suggestion-closed = Esta sugerencia ya se aprobó o se descartó. Usa `/pair suggest` para obtener una nueva.
pairs-discarded = Descartada: no se creó ninguna pareja.
pairs-goals-title = Metas de la pareja
pairs-no-goals = Aún no hay metas. Añade una con `/goal add`.
pairs-same-person = Un mentor y un aprendiz tienen que ser dos personas distintas.
pairs-mentor-not-active = <@{ $mentor }> no es mentor activo. Puede inscribirse con `/enrol mentor` (y quizá necesite una aprobación antes).
pairs-mentor-paused = <@{ $mentor }> ha pausado la mentoría por ahora, así que no recibe aprendices nuevos. Vuelve cuando pulse **Sí, sigo** en la pregunta mensual de tandem (o cuando termine sola su pausa de un mes).
pairs-mentee-not-active = <@{ $mentee }> no es aprendiz activo. Puede inscribirse con `/enrol mentee`.
pairs-mentor-full =
    { $capacity ->
        [one] <@{ $mentor }> ya acompaña a { $capacity } aprendiz a la vez, que es su límite. Termina una pareja o pídele que amplíe su capacidad con `/profile edit`.
       *[other] <@{ $mentor }> ya acompaña a { $capacity } aprendices a la vez, que es su límite. Termina una pareja o pídele que amplíe su capacidad con `/profile edit`.
    }
pairs-already-paired = <@{ $mentor }> y <@{ $mentee }> ya forman pareja.
pairs-mentee-taken = <@{ $mentee }> ya tiene mentor. Si necesita uno nuevo, termina antes esa pareja.
pairs-rolled-back = La pareja de { $people } no se terminó porque tandem se detuvo. No se guardó nada. Ejecuta `/pair create` de nuevo.
pairs-created = Pareja formada: <@{ $mentor }> (mentor) con <@{ $mentee }> (aprendiz) en <#{ $channel }>.
pairs-welcome = <@{ $mentor }> hace de **mentor** y <@{ $mentee }> de **aprendiz**. Este canal es privado: solo las dos personas de la pareja y los moderadores pueden verlo.

    {"**"}Lo que pide el programa**
    • Reunirse o hablar al menos cada dos semanas, y responder aquí los seguimientos.
    • Ser amables y pacientes; lo que se comparte aquí se queda en la pareja.
    • Si no funciona, decirlo: `/pair pause`, `/pair end` o, en privado, `/pair refit`.
# $role es el rol de quien lee; $partner tiene el otro.
pairs-ready-dm =
    { $role ->
        [mentor] ¡Ya tienes aprendiz en { $guild }: <@{ $partner }>! Saluda en <#{ $channel }>, tu canal privado.
       *[mentee] ¡Ya tienes mentor en { $guild }: <@{ $partner }>! Saluda en <#{ $channel }>, tu canal privado.
    }
pairs-already-ended = Esta pareja ya terminó.
pairs-still-setting-up = Esta pareja todavía se está configurando. Vuelve a intentarlo en un minuto.
pairs-channel-lost = El canal de esta pareja ya no existe. Un moderador puede volver a formar la pareja con `/pair create`.
pairs-not-active = Esta pareja no está activa.
pairs-pause-weeks = La pausa puede ser de 1 a 8 semanas, no de { $weeks }.
pairs-paused = <@{ $by }> ha pausado esta pareja hasta el <t:{ $until }:D> (<t:{ $until }:R>). Los seguimientos se detienen hasta entonces y se reanudan solos. ¡Hasta la vuelta!
pairs-reason-completed = completada
pairs-reason-not-a-good-fit = no encajaba
pairs-reason-inactive = inactiva
pairs-reason-withdrawn = alguien salió del programa
pairs-reason-left-server = alguien salió del servidor
pairs-reason-other = otro motivo
pairs-ended-here-kept = Esta pareja ha terminado. Gracias por todo el tiempo compartido. Este canal se queda aquí, en solo lectura, para poder consultarlo más adelante. Dedica un minuto a la encuesta de cierre de abajo, por favor: ayuda a las próximas parejas.
pairs-ended-here-deleted = Esta pareja ha terminado. Gracias por todo el tiempo compartido. Este canal se borrará. Dedica un minuto a la encuesta de cierre de abajo, por favor: ayuda a las próximas parejas.
pairs-ended-dm = La pareja de mentoría que formabas con <@{ $partner }> en { $guild } ha terminado. ¡Gracias! Si tienes un minuto, la encuesta de cierre de abajo ayuda al programa.
# A quién nombra un aviso cuando un miembro borró sus datos.
pairs-someone = alguien
pairs-lacking-post = permiso para publicar ahí
pairs-lacking = **{ $permissions }** ahí
# $mentor y $mentee son menciones (o "alguien"); $lacking es uno de los dos de arriba.
pairs-unreachable = No puedo publicar en <#{ $channel }>, el canal de { $mentor } (mentor) y { $mentee } (aprendiz). Necesito { $lacking }. Sus seguimientos se reintentan en cada ronda y se reanudan solos cuando se arregle. Tras { $rounds } rondas seguidas sin acceso, la pareja se marca como rota.
pairs-reachable-again = Ya puedo volver a publicar en <#{ $channel }>: se reanudan los seguimientos de { $mentor } y { $mentee }.
pairs-partner-left-dm = <@{ $gone }> ha salido de { $guild }, así que tu pareja de mentoría ha terminado. No es culpa de nadie. Gracias por el tiempo que dedicaste. Los moderadores pueden formar una pareja nueva para ti. Si tienes un minuto, la encuesta de cierre de abajo ayuda al programa.
pairs-refit-limit = Ya lo has pedido { $count } veces esta semana. Los moderadores tienen tu solicitud y se pondrán en contacto contigo. También puedes escribirles directamente.
pairs-refit-request = <@{ $user }> ha pedido, en privado, cambiar de pareja.
    Pareja: <@{ $mentor }> (mentor) y <@{ $mentee }> (aprendiz) en <#{ $channel }>.
    Cambiar de pareja termina esta pareja como *no encajaba* y devuelve al aprendiz a la lista de espera. La otra persona solo sabrá que la pareja terminó.
pairs-repaired = Cambio de pareja hecho por <@{ $moderator }>: la pareja ha terminado y el aprendiz vuelve a la lista de espera.
pairs-broken = El canal de { $mentor } (mentor) y { $mentee } (aprendiz) ya no existe, o perdí el acceso (era <#{ $channel }>). La pareja se marca como *rota* y ya no recibe seguimientos. Si quieren continuar, vuelve a formarla con `/pair create`.
pairs-suggest-intro =
    { $proposals ->
        [one] { $proposals } pareja sugerida. No se crea nada hasta que la apruebes.
       *[other] { $proposals } parejas sugeridas. No se crea nada hasta que las apruebes. Elige algunas en el menú para aprobar solo esas.
    }
pairs-suggest-repeats =
    { $repeats ->
        [one] ⚠️ { $repeats } de ellas vuelve a juntar a personas que ya fueron pareja: no había otro mentor posible.
       *[other] ⚠️ { $repeats } de ellas vuelven a juntar a personas que ya fueron pareja: no había otro mentor posible.
    }
pairs-reason-topics =
    { $count ->
        [0] ningún tema en común
        [one] 1 tema en común ({ $topics })
       *[other] { $count } temas en común ({ $topics })
    }
pairs-reason-overlap = { $hours } h de horario compatible
pairs-reason-languages = los dos hablan { $languages }
pairs-reason-repeat = ya fueron pareja
pairs-proposal = **{ $n }.** <@{ $mentor }> → <@{ $mentee }> · puntuación { $score }
    { $reasons }
pairs-unmatched-no-free-mentor = <@{ $mentee }>: ningún mentor con plazas libres
pairs-unmatched-no-language = <@{ $mentee }>: ningún mentor libre habla su idioma
pairs-free-slots =
    { $places ->
        [one] Después de estas, queda { $places } plaza de mentor libre.
       *[other] Después de estas, quedan { $places } plazas de mentor libres.
    }
pairs-approve-selected = Aprobar seleccionadas ({ $count })
pairs-page = Página { $page } de { $pages }
pairs-creating = Creando parejas… { $done } de { $total } listas.
pairs-created-count =
    { $count ->
        [one] Se creó { $count } pareja.
       *[other] Se crearon { $count } parejas.
    }
pairs-skipped-count = Se omitieron { $count }:
pairs-goal-empty-title = Ponle un título corto a la meta.
pairs-goal-title-too-long = Ese título tiene { $chars } caracteres; que no pase de { $max }, por favor.
pairs-goal-bad-date = No entiendo la fecha "{ $input }". Escríbela como `2026-12-24` o `in 3 weeks`.
pairs-goal-in-the-past = El { $date } ya pasó. Elige una fecha a partir de hoy.
pairs-goal-added = 🎯 <@{ $by }> ha añadido la meta **#{ $number }: { $title }**. Márcala como cumplida con `/goal done { $number }`.
pairs-goal-added-due = 🎯 <@{ $by }> ha añadido la meta **#{ $number }: { $title }**, para el <t:{ $due }:D>. Márcala como cumplida con `/goal done { $number }`.
pairs-goal-done = 🎉 ¡La meta **#{ $number }: { $title }** está cumplida! Bien hecho, { $members }.
pairs-goal-already-done = La meta #{ $number } ya está cumplida.
pairs-no-goal = No hay ninguna meta #{ $number } en esta pareja. `/goal list` las muestra.
pairs-goal-line = ⬜ #{ $number } { $title }
pairs-goal-line-due = ⬜ #{ $number } { $title } · para el <t:{ $due }:D>
pairs-goal-line-overdue = ⬜ #{ $number } { $title } · para el <t:{ $due }:D> · vencida
pairs-goal-line-done = ✅ #{ $number } { $title } (cumplida el <t:{ $done }:D>)
pairs-icebreaker-1 = ¿Qué esperas sacar de los próximos tres meses?
pairs-icebreaker-2 = ¿Qué has aprendido hace poco que te haya sorprendido?
pairs-icebreaker-3 = ¿Cómo prefieres recibir comentarios: directos, suaves, por escrito, de palabra?
pairs-icebreaker-4 = ¿Cómo es para ti una buena semana?
pairs-icebreaker-5 = ¿Qué proyecto te enorgullece más, y por qué?
pairs-icebreaker-6 = ¿Qué te gustaría dejar de hacer, o empezar a hacer?
pairs-icebreaker-7 = ¿Qué momento de tu semana es el mejor para una llamada rápida?
pairs-if-something-is-wrong = Si algo no te parece bien
pairs-report-hint = Pulsa **Informar de un problema** (aquí y debajo de cada seguimiento) o usa `/report` en cualquier lugar. Solo lo leen los moderadores, y a la otra persona nunca se le dice nada.
pairs-kept-apart = <@{ $mentor }> y <@{ $mentee }> no pueden formar pareja, por un motivo privado. Elige otra pareja, por favor.
pairs-person-not-active = <@{ $user }> no está activo en el programa con ese papel. Puede inscribirse con `/enrol` (un mentor quizá necesite una aprobación antes).
pairs-person-taken = <@{ $user }> ya tiene una pareja, un grupo o un círculo abierto. Termina ese primero, o elige a otra persona.
pairs-created-group = Grupo creado: <@{ $mentor }> (mentor) con { $mentees } (aprendices) en <#{ $channel }>.
pairs-created-circle = Círculo creado con { $peers } en <#{ $channel }>.
pairs-welcome-group = <@{ $mentor }> es el **mentor** de { $mentees }. Este canal es privado: solo vosotros y los moderadores podéis verlo.

    {"**"}Lo que pide el programa**
    • Reuníos o hablad al menos cada dos semanas, y responded aquí los seguimientos.
    • Sed amables y pacientes; lo que se comparte aquí queda entre vosotros.
    • Si no funciona, decidlo: `/pair pause`, `/pair end` o, en privado, `/pair refit`.
pairs-welcome-circle = { $peers }: este es vuestro **círculo**, unas pocas personas que aprenden juntas. Cada seguimiento dice quién abre la conversación esa semana, y va rotando. Este canal es privado: solo vosotros y los moderadores podéis verlo.

    {"**"}Lo que pide el programa**
    • Reuníos o hablad al menos cada dos semanas, y responded aquí los seguimientos.
    • Sed amables y pacientes; lo que se comparte aquí queda entre vosotros.
    • Si no te funciona, dilo: `/pair end` te permite salir, `/pair refit` pide otro círculo.
pairs-space-ready-dm =
    { $kind ->
        [group] ¡Estás en un grupo de mentoría en { $guild } con { $others }! Saluda en <#{ $channel }>, vuestro canal privado.
       *[circle] ¡Estás en un círculo de pares en { $guild } con { $others }! Saluda en <#{ $channel }>, vuestro canal privado.
    }
pairs-space-ended-dm =
    { $kind ->
        [group] Tu grupo de mentoría en { $guild } ha terminado. ¡Gracias! Si tienes un minuto, la encuesta de salida de abajo ayuda al programa.
       *[circle] Tu círculo de pares en { $guild } ha terminado. ¡Gracias! Si tienes un minuto, la encuesta de salida de abajo ayuda al programa.
    }
pairs-left-space = <@{ $user }> se ha ido. Los demás seguís juntos.
pairs-you-left = Has salido. Los demás siguen, y no se le dijo a nadie por qué. La encuesta de salida está en tus mensajes directos si tienes un minuto.
pairs-left-asks-again = <@{ $user }> dejó su grupo o círculo (era <#{ $channel }>) y querría otro. Vuelve a estar entre quienes esperan.
pairs-circle-size =
    { $count ->
        [one] Un grupo o círculo tiene de { $min } a { $max } personas (un grupo cuenta a su mentor), no { $count }. Añade o quita a alguien y vuelve a intentarlo.
       *[other] Un grupo o círculo tiene de { $min } a { $max } personas (un grupo cuenta a su mentor), no { $count }. Añade o quita a alguien y vuelve a intentarlo.
    }
pairs-circle-twice = <@{ $user }> aparece dos veces. Nombra a cada persona una sola vez.
pairs-space-kept-apart = Estas personas no pueden estar todas juntas, por un motivo privado. Elige otro grupo.
pairs-space-unreachable = No puedo publicar en <#{ $channel }>, el canal de { $people }. Necesito { $lacking }. Sus seguimientos se reintentan en cada ronda y se reanudan solos cuando se arregle. Tras { $rounds } rondas seguidas sin acceso, se marca como roto.
pairs-space-reachable-again = Ya puedo volver a publicar en <#{ $channel }>: se reanudan los seguimientos de { $people }.
pairs-space-broken = El canal de { $people } ya no existe, o perdí el acceso (era <#{ $channel }>). Se marca como *roto* y ya no recibe seguimientos. Si quieren continuar, vuelve a formar el grupo o círculo.
pairs-circle-proposal = **{ $n }.** { $members }: puntuación { $score } ({ $reasons })
pairs-suggest-circles-intro =
    { $circles ->
        [one] { $circles } círculo sugerido con las personas que esperan. No se crea nada hasta que lo apruebes. Elige algunos en el menú para aprobar solo esos.
       *[other] { $circles } círculos sugeridos con las personas que esperan. No se crea nada hasta que lo apruebes. Elige algunos en el menú para aprobar solo esos.
    }
pairs-not-in-a-circle = <@{ $user }>: ningún círculo encaja (quedan muy pocos, o sin idioma en común)
pairs-too-few-for-circles =
    { $count ->
        [one] Solo espera { $count } persona, y un círculo necesita al menos { $min }. Sugiere parejas, o espera a que haya más.
       *[other] Solo esperan { $count } personas, y un círculo necesita al menos { $min }. Sugiere parejas, o espera a que haya más.
    }
